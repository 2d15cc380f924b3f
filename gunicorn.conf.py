"""gunicorn settings for binhdang in production (``gunicorn -c gunicorn.conf.py``).

Everything can be overridden from the environment (``GUNICORN_*`` below) or on the command line.
gunicorn listens on localhost only; nginx (``deploy/nginx.conf``) terminates HTTPS in front of it and
passes the client address and scheme (``X-Forwarded-For``, ``X-Forwarded-Proto``).
"""

import gc
import multiprocessing
import os

wsgi_app = "binhdang.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Synchronous workers: (2 x CPU) + 1, at most GUNICORN_MAX_WORKERS (default 9). Every worker holds
# one database connection (CONN_MAX_AGE), so keep workers below PostgreSQL's max_connections.
workers = int(
    os.environ.get(
        "GUNICORN_WORKERS",
        min(multiprocessing.cpu_count() * 2 + 1, int(os.environ.get("GUNICORN_MAX_WORKERS", "9"))),
    )
)
# Synchronous workers by default: binhdang's requests are CPU-bound (templates, the ORM, Argon2 at login)
# and wait little on PostgreSQL, so more processes than cores already overlap those waits; threads share a
# process's one core (the GIL). GUNICORN_WORKER_CLASS=gthread with GUNICORN_THREADS (e.g. 3 workers x 4
# threads) keeps HTTP connections alive and lets a slow download hold a thread rather than a whole
# worker; each thread then holds its own database connection (stay under max_connections).
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Long enough for a plan import (.docx) or a generated report; slower requests are killed and logged.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then (limits the effect of any memory growth).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Load the application once, in the master, and fork the workers from it: a worker started or recycled
# then costs a fork, not 1.5 to 3 s of a core importing Django, every view and the catalogues (at 150
# requests a second, 5 workers recycled every 2,000 requests cost a tenth of a core). New code needs a
# restart (`systemctl restart binhdang`, as the upgrade steps say), not a reload. GUNICORN_PRELOAD=0
# loads it in each worker instead.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Trust X-Forwarded-* only from the local reverse proxy. binhdang's login throttling counts failures
# per client address from REMOTE_ADDR, which gunicorn sets from X-Forwarded-For for these addresses.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips

# Logs to stdout/stderr (journald under systemd). Access log with the time taken (%(M)s ms).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
proc_name = "binhdang"


def when_ready(server):
    """Before the first fork: what the master loaded stays shared with the workers (copy-on-write)
    instead of being copied into each by the garbage collector's visits."""
    if preload_app:
        gc.freeze()


def pre_fork(server, worker):
    """A database connection is never shared by two processes: the master holds none when it forks."""
    if preload_app:
        from django.db import connections

        connections.close_all()


# No runtime control socket (gunicornc): systemd restarts or reloads (HUP: new workers, same code when
# preloaded), and nothing else needs a way in.
control_socket_disable = True
