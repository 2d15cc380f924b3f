"""Organisation units: the province (root), its agencies and its communes.

Two tiers since 1 July 2025 (domain §2): a province and its commune-level units (xã, phường,
đặc khu), plus the province's departments, mass organisations and media agencies. ``district`` exists
only for legacy plans.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from binhdang.core.audit import HistoricalRecords
from binhdang.core.text import fold, nfc


class OrgUnitType(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District (legacy)")
    DEPARTMENT = "department", _("Department")
    MASS_ORG = "mass_org", _("Mass organisation")
    MEDIA = "media", _("Media agency")
    COMMUNE = "commune", _("Commune / ward")


#: Unit types that report on programme 1790 by default (domain §6).
REPORTING_TYPES = (OrgUnitType.DEPARTMENT, OrgUnitType.MASS_ORG, OrgUnitType.MEDIA, OrgUnitType.COMMUNE)


class OrgUnitQuerySet(models.QuerySet["OrgUnit"]):
    def active(self) -> OrgUnitQuerySet:
        return self.filter(is_active=True)

    def provinces(self) -> OrgUnitQuerySet:
        return self.filter(type=OrgUnitType.PROVINCE)

    def search(self, query: str) -> OrgUnitQuerySet:
        """Units whose name contains ``query``, with or without diacritics."""
        return self.filter(search_name__contains=fold(query))


#: DHIS2's uid: a letter then ten letters or digits (``CodeGenerator`` in DHIS2).
DHIS2_UID_PATTERN = r"^[a-zA-Z][a-zA-Z0-9]{10}$"


class OrgUnit(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    type = models.CharField(
        pgettext_lazy("organisation unit", "type"), max_length=16, choices=OrgUnitType.choices
    )
    #: Administrative kind as officially named: "Tỉnh", "Thành phố", "Xã", "Phường", "Đặc khu"...
    division = models.CharField(_("administrative division"), max_length=32, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    #: The province the unit belongs to (itself for a province); makes per-province filtering cheap.
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    email = models.EmailField(_("e-mail"), blank=True)
    #: The unit's identifier in a DHIS2 instance of the province (exports with ``idScheme=UID``).
    dhis2_uid = models.CharField(
        _("DHIS2 uid"),
        max_length=11,
        blank=True,
        validators=[
            RegexValidator(
                DHIS2_UID_PATTERN,
                _("A DHIS2 uid is 11 letters and digits and starts with a letter (e.g. ImspTQPwCqd)."),
            )
        ],
        help_text=_("Only for provinces that run DHIS2: the uid of this unit there."),
    )

    history = HistoricalRecords()
    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["type", "name"]
        indexes = [models.Index(fields=["province", "type", "is_active"])]
        constraints = [
            models.UniqueConstraint(
                fields=["dhis2_uid"], condition=~models.Q(dhis2_uid=""), name="orgunit_dhis2_uid_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.search_name = fold(self.name)
        if self.type == OrgUnitType.PROVINCE:
            self.parent = None
        elif self.parent is not None and not self.province_id:
            self.province_id = self.parent.province_id
        super().save(*args, **kwargs)
        if self.type == OrgUnitType.PROVINCE and self.province_id != self.pk:
            self.province_id = self.pk
            type(self).objects.filter(pk=self.pk).update(province_id=self.pk)

    def get_absolute_url(self) -> str:
        return reverse("orgunits:unit", kwargs={"code": self.code})

    @property
    def is_province(self) -> bool:
        return self.type == OrgUnitType.PROVINCE
