"""Storage: SQLAlchemy models, the Store facade, audit log, backups, migrations runner."""
