"""Load the document types (codes 01–32 and the copy forms) from vanthu.documents.reference."""

from django.db import migrations

from vanthu.documents.reference import DOCUMENT_TYPES, document_types_load


def load_document_types(apps, schema_editor):
    document_types_load(model=apps.get_model("documents", "DocumentType"))


def unload_document_types(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    DocumentType.objects.filter(
        code__in=[row.code for row in DOCUMENT_TYPES], document__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_allocation_details"),
    ]

    operations = [
        migrations.RunPython(load_document_types, unload_document_types),
    ]
