"""Tagged PDF: the structure tree recorded while the pages are drawn (:mod:`.recorder`),
the roles flowables declare (:mod:`.roles`), the drawing hooks that mark content
(:mod:`.drawing`, :mod:`.tables`, :mod:`.lists`) and the catalog entries, structure
objects and metadata written into the finished file (:mod:`.writing`)."""
