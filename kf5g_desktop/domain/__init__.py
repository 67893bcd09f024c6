"""Domain: code lists, records and rules — standard library only."""
