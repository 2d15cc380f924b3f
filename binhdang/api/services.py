"""API tokens (DRF's ``authtoken``): one per user, created (replacing any earlier one) or revoked."""

from __future__ import annotations

from django.db import transaction
from rest_framework.authtoken.models import Token

from binhdang.accounts.models import User


@transaction.atomic
def create_token(user: User) -> Token:
    """A new token for ``user``; an earlier one stops working."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def revoke_token(user: User) -> bool:
    """Delete the user's token; False if they had none."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return bool(deleted)
