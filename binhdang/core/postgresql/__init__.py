"""binhdang's PostgreSQL database backend (``ENGINE = "binhdang.core.postgresql"``): see ``base``."""
