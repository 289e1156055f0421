"""The app's dialogs: errors, export, preferences, about, unsaved changes."""
