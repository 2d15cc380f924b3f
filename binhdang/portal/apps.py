from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The top layer: what assembles the whole site (main menu, home page per role). It may import every
    domain app; no domain app imports it."""

    name = "binhdang.portal"
    label = "portal"
    verbose_name = "Portal"  # no models: never shown to a user
