"""User text for ReportLab: escaping and inline markup, fonts for every script,
right-to-left lines, and single lines drawn on the canvas."""
