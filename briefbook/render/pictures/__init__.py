"""Pictures for the page: loaded safely from the brief's folder, downsampled for e-mail."""
