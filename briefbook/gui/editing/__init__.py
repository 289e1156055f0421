"""The open brief as the GUI sees it, and the undo commands every edit is made of."""
