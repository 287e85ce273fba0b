"""Competency frameworks: competencies in a hierarchy, a proficiency scale, occupations.

A framework can come from a CASE package, from ESCO or O*NET files, or be written in
the browser. Identifiers and URIs of the source are kept, and so are the source fields
skillpath does not use (``source_data``), so that an export gives back what came in.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from skillpath.common.models import TimeStampedModel
from skillpath.frameworks.text import localised


def new_identifier() -> str:
    """Return a new CASE-style identifier (a UUID as text)."""
    return str(uuid.uuid4())


class SourceFormat(models.TextChoices):
    MANUAL = "manual", _("Written in skillpath")
    CASE = "case", _("1EdTech CASE package")
    ESCO = "esco", _("ESCO files")
    ONET = "onet", _("O*NET files")


class CompetencyKind(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge")
    SKILL = "skill", _("Skill")
    ATTITUDE = "attitude", _("Attitude")


class AssociationType(models.TextChoices):
    """CASE 1.1 association types (``ext:…`` types are kept as they come)."""

    IS_CHILD_OF = "isChildOf", _("is a child of")
    IS_PEER_OF = "isPeerOf", _("is a peer of")
    IS_PART_OF = "isPartOf", _("is part of")
    EXACT_MATCH_OF = "exactMatchOf", _("is an exact match of")
    PRECEDES = "precedes", _("precedes")
    IS_RELATED_TO = "isRelatedTo", _("is related to")
    REPLACED_BY = "replacedBy", _("is replaced by")
    EXEMPLAR = "exemplar", _("has the exemplar")
    HAS_SKILL_LEVEL = "hasSkillLevel", _("has the skill level")
    IS_TRANSLATION_OF = "isTranslationOf", _("is a translation of")


class RelationType(models.TextChoices):
    """How an occupation needs a competency (ESCO); O*NET rates instead."""

    ESSENTIAL = "essential", _("Essential")
    OPTIONAL = "optional", _("Optional")
    RATED = "rated", _("Rated (importance and level)")


class Framework(TimeStampedModel):
    """A competency framework: a document, its competencies, its proficiency scale."""

    identifier = models.CharField(
        _("identifier"),
        max_length=200,
        unique=True,
        default=new_identifier,
        help_text=_("For a CASE package, the identifier of its CFDocument."),
    )
    uri = models.CharField(_("source URI"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=300)
    version = models.CharField(_("version"), max_length=50, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    creator = models.CharField(_("creator"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=12, default="en")
    description = models.TextField(_("description"), blank=True)
    source_format = models.CharField(
        _("source"),
        max_length=12,
        choices=SourceFormat.choices,
        default=SourceFormat.MANUAL,
    )
    source_modified_at = models.DateTimeField(
        _("last changed at the source"), null=True, blank=True
    )
    # Fields of the source document that skillpath keeps only to export them again.
    source_data = models.JSONField(default=dict, blank=True)
    owner = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="frameworks",
        verbose_name=_("owning organisation"),
        help_text=_("Its coordinators edit the framework."),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["title", "version"]
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")

    def __str__(self) -> str:
        return f"{self.title} {self.version}".strip()

    def get_absolute_url(self) -> str:
        return reverse("frameworks:detail", args=[self.pk])

    @property
    def name(self) -> str:
        return self.title


class ProficiencyScale(models.Model):
    """The ordered levels on which a framework's competencies are required and shown.

    Level 0 means "not demonstrated" and is not stored; levels run 1..N.
    """

    framework = models.OneToOneField(
        Framework,
        on_delete=models.CASCADE,
        related_name="scale",
        verbose_name=_("framework"),
    )
    title_en = models.CharField(
        _("name (English)"), max_length=200, default="Proficiency"
    )
    title_fr = models.CharField(_("name (French)"), max_length=200, default="Maîtrise")

    class Meta:
        verbose_name = _("proficiency scale")
        verbose_name_plural = _("proficiency scales")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def top_level(self) -> int:
        return max((level.level for level in self.levels.all()), default=0)


class ProficiencyLevel(models.Model):
    """One level of a proficiency scale, with what a person at that level can do."""

    scale = models.ForeignKey(
        ProficiencyScale,
        on_delete=models.CASCADE,
        related_name="levels",
        verbose_name=_("scale"),
    )
    level = models.PositiveSmallIntegerField(_("level"))
    label_en = models.CharField(_("name (English)"), max_length=100)
    label_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    descriptor_en = models.TextField(_("descriptor (English)"), blank=True)
    descriptor_fr = models.TextField(_("descriptor (French)"), blank=True)

    class Meta:
        ordering = ["scale", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["scale", "level"], name="proficiency_level_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1), name="proficiency_level_from_one"
            ),
        ]
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")

    def __str__(self) -> str:
        return f"{self.level} — {self.label}"

    @property
    def label(self) -> str:
        return localised(self, "label")

    @property
    def name(self) -> str:
        return self.label

    @property
    def descriptor(self) -> str:
        return localised(self, "descriptor")


class ItemType(models.Model):
    """A CASE ``CFItemType``: what kind of node a competency is (domain, competency…)."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="item_types",
        verbose_name=_("framework"),
    )
    identifier = models.CharField(
        _("identifier"), max_length=200, default=new_identifier
    )
    uri = models.CharField(_("URI"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    hierarchy_code = models.CharField(_("hierarchy code"), max_length=50, blank=True)
    source_modified_at = models.DateTimeField(null=True, blank=True)
    source_data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["framework", "hierarchy_code", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "identifier"], name="item_type_identifier_unique"
            ),
        ]
        verbose_name = _("item type")
        verbose_name_plural = _("item types")

    def __str__(self) -> str:
        return self.title


class Competency(TimeStampedModel):
    """A knowledge, skill or attitude, in English and French, in a hierarchy."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="competencies",
        verbose_name=_("framework"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("part of"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    identifier = models.CharField(
        _("identifier"), max_length=200, default=new_identifier
    )
    uri = models.CharField(
        _("source URI"),
        max_length=500,
        blank=True,
        help_text=_("The CASE item or ESCO skill this competency comes from."),
    )
    code = models.CharField(_("code"), max_length=100, blank=True)
    title_en = models.TextField(_("title (English)"), blank=True)
    title_fr = models.TextField(_("title (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=CompetencyKind.choices,
        default=CompetencyKind.SKILL,
    )
    item_type = models.ForeignKey(
        ItemType,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="competencies",
        verbose_name=_("item type"),
    )
    alt_labels_en = models.TextField(_("other names (English), one a line"), blank=True)
    alt_labels_fr = models.TextField(_("other names (French), one a line"), blank=True)
    source_modified_at = models.DateTimeField(null=True, blank=True)
    source_data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["framework", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "identifier"], name="competency_identifier_unique"
            ),
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_fr=""),
                name="competency_has_a_title",
            ),
        ]
        indexes = [
            models.Index(fields=["framework", "parent", "position"]),
            models.Index(fields=["framework", "code"]),
        ]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def get_absolute_url(self) -> str:
        return reverse("frameworks:competency", args=[self.framework_id, self.pk])

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def name(self) -> str:
        return self.title

    @property
    def description(self) -> str:
        return localised(self, "description")

    @property
    def scale(self) -> ProficiencyScale | None:
        """Return the proficiency scale on which this competency's levels are read."""
        try:
            return self.framework.scale
        except ProficiencyScale.DoesNotExist:
            return None

    @property
    def source_uri(self) -> str:
        return self.uri

    @property
    def source_kind(self) -> str:
        return str(self.framework.source_format)


class CompetencyAssociation(models.Model):
    """A CASE association other than the competency's place in the hierarchy.

    Either end may lie outside the framework (an ESCO skill, another framework's
    item): then only its identifier, URI and title are known.
    """

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="associations"
    )
    identifier = models.CharField(
        _("identifier"), max_length=200, default=new_identifier
    )
    uri = models.CharField(_("URI"), max_length=500, blank=True)
    association_type = models.CharField(_("type"), max_length=80)
    origin = models.ForeignKey(
        Competency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outgoing_associations",
    )
    origin_identifier = models.CharField(max_length=200)
    origin_uri = models.CharField(max_length=500, blank=True)
    origin_title = models.TextField(blank=True)
    destination = models.ForeignKey(
        Competency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="incoming_associations",
    )
    destination_identifier = models.CharField(max_length=200)
    destination_uri = models.CharField(max_length=500, blank=True)
    destination_title = models.TextField(blank=True)
    sequence_number = models.IntegerField(null=True, blank=True)
    source_modified_at = models.DateTimeField(null=True, blank=True)
    source_data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["framework", "association_type", "sequence_number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "identifier"], name="association_identifier_unique"
            ),
        ]
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self) -> str:
        return f"{self.origin_identifier} {self.association_type} {self.destination_identifier}"

    @property
    def type_label(self) -> Any:
        try:
            return AssociationType(self.association_type).label
        except ValueError:
            return self.association_type


class Occupation(models.Model):
    """An occupation of a reference framework (ESCO, O*NET) and the skills it needs."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="occupations"
    )
    identifier = models.CharField(_("identifier"), max_length=200)
    uri = models.CharField(_("URI"), max_length=500, blank=True)
    code = models.CharField(_("code"), max_length=40, blank=True)
    title_en = models.TextField(_("title (English)"), blank=True)
    title_fr = models.TextField(_("title (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    alt_labels_en = models.TextField(_("other names (English)"), blank=True)
    alt_labels_fr = models.TextField(_("other names (French)"), blank=True)
    source_data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["framework", "code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "identifier"], name="occupation_identifier_unique"
            ),
        ]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    @property
    def title(self) -> str:
        return localised(self, "title")

    @property
    def description(self) -> str:
        return localised(self, "description")


class OccupationCompetency(models.Model):
    """That an occupation needs a competency: essential or optional, or rated."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="competency_links"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="occupation_links"
    )
    relation = models.CharField(
        _("relation"),
        max_length=12,
        choices=RelationType.choices,
        default=RelationType.ESSENTIAL,
    )
    # O*NET's measures on its own scales: importance 1-5, level 0-7.
    importance = models.FloatField(_("importance"), null=True, blank=True)
    level = models.FloatField(_("level"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "competency"], name="occupation_competency_unique"
            ),
        ]
        verbose_name = _("occupation's competency")
        verbose_name_plural = _("occupations' competencies")

    def __str__(self) -> str:
        return f"{self.occupation_id} → {self.competency_id} ({self.relation})"
