"""Audit verbs are one style, ``<noun>_<verb>`` (``common.audit.AuditVerb``): rename the
dotted verbs credentials recorded before."""

from django.db import migrations

RENAMED = {
    "award.issue": "award_issue",
    "award.revoke": "award_revoke",
    "award.share": "award_share",
    "issuer.create": "issuer_create",
    "issuer.key_rotate": "issuer_key_rotate",
}


def underscore(apps, schema_editor):
    AuditEvent = apps.get_model("common", "AuditEvent")
    for old, new in RENAMED.items():
        AuditEvent.objects.filter(verb=old).update(verb=new)


def dot(apps, schema_editor):
    AuditEvent = apps.get_model("common", "AuditEvent")
    for old, new in RENAMED.items():
        AuditEvent.objects.filter(verb=new).update(verb=old)


class Migration(migrations.Migration):
    dependencies = [("common", "0001_initial")]

    operations = [migrations.RunPython(underscore, dot)]
