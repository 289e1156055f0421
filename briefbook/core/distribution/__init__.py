"""Who gets what: editions and markings' ceilings, numbered copies, personal itineraries,
the files one export makes and their names."""
