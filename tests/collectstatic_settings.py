"""The production settings for the collectstatic step of tests/test_deploy_checks.py's production start.

Everything is the production's (BINHDANG_PRODUCTION=1: WhiteNoise's CompressedManifestStaticFilesStorage, its
strict manifest, every app's files hashed and their CSS/JS references rewritten), except that WhiteNoise
compresses only the stylesheets: Brotli at its highest level over the vendored JavaScript and its source maps
(API docs, admin, ECharts: 14 MB) took most of the test's minute. The test proves the compression on the served
stylesheet (Content-Encoding: br); test_production_settings_are_the_secure_ones pins the production storage.
"""

from whitenoise.compress import Compressor

from binhdang.settings import *  # noqa: F403

WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    *Compressor.SKIP_COMPRESS_EXTENSIONS,
    "js",
    "mjs",
    "map",
    "svg",
    "txt",
    "md",
    "html",
    "json",
    "ttf",
    "eot",
    "otf",
)
