"""Never losing work in the app: autosave, recovery, locks, watching the file, pictures
from outside the brief's folder and their relocation."""
