"""The dossier as a document: its template, story, cover, contents, page furniture,
page numbers, markings as printed and the changes page."""
