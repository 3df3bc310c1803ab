"""The graph canvas: the scene that mirrors a document's graph, its items, and the view."""
