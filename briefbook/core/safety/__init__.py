"""Never losing work: atomic writes, temporary files, file modes, bounded reading of
user-named files, autosave, locks and the processes behind them."""
