"""After a run: the Evaluation panel (confusion matrix leading to the samples, per-class
report, regression scatter, reconstructions) and Try it (draw, drop or type an input)."""
