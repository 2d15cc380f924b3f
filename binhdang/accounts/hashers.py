"""Password hashing: Argon2id at OWASP's recommended minimum (19 MiB of memory, 2 passes, 1 lane).

Django's default Argon2 settings (100 MiB, 8 lanes) cost about 0.3 s of a core per login on the
2-core servers of a provincial data centre: on deadline day, with a hundred officers signing in within
a minute, the logins alone would take the whole machine. OWASP's Password Storage Cheat Sheet gives
m=19456 KiB, t=2, p=1 as a minimum for Argon2id; logins are also throttled per account and address
(``accounts.throttle``). Hashes made with other parameters still verify and are rewritten with these
at the user's next login (Django's ``must_update``).

``make setup`` compiles the hash's C code for the server's processor when it can
(``accounts.argon2_build``): the same hashes at the same parameters, in 9-11 ms of a core instead of
the 19 ms of PyPI's build on the load test's machine.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    memory_cost = 19 * 1024
    time_cost = 2
    parallelism = 1
