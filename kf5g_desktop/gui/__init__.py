"""Everything Qt: windows, dialogs, table models, charts, printing, background jobs."""
