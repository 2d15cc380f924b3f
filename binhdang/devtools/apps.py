from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Tooling that is not the domain: the demo province, the synthetic national dataset and the
    benchmark, with their commands (``demo``, ``synth``, ``bench``). It may import every app; no domain
    app imports it."""

    name = "binhdang.devtools"
    label = "devtools"
    verbose_name = "Developer tools"  # no models: never shown to a user
