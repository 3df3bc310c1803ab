"""NetStudio's translations: the Qt catalogues (``zh_CN/<area>.ts``, and ``en/<area>.ts`` for
English's plural forms), compiled into one ``netstudio_<language>.qm`` per language that ships
in the package, and the glossary of terms.

``python -m netstudio.translations update`` refreshes the catalogues from the sources and
compiles them (see `netstudio.translations.catalogues` and docs/translating.md). The app loads
the compiled catalogues with `netstudio.gui.i18n`; nothing here imports Qt.
"""
