"""Annexes: existing PDFs placed page by page in the run of the dossier.

The pipeline has two stages. While ReportLab lays the dossier out, each annex page
is a placeholder page (:mod:`.flowables`): it reserves the page, with its furniture
(banners, header, footer, "Page X of Y", copy stamp, edition) drawn as on every
page, and notes in the render's :class:`~.plan.AnnexPlan` which annex page goes
where. After ReportLab has written the file, :func:`~.placing.place_annexes`
(pikepdf) puts each annex page under its placeholder's furniture, carries over its
links, nests its bookmarks under its section in the outline and makes sure none of
what is stripped (scripts, actions, embedded files, forms) reached the file.
"""

from __future__ import annotations

#: The page template of landscape pages (annex pages wider than tall).
LANDSCAPE = "landscape"
#: The page template of the dossier's portrait body pages.
BODY = "body"
