"""The administrator's list of trusted issuers (credentials from elsewhere)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from skillpath.credentials.exceptions import IssuingError
from skillpath.credentials.models import TrustedIssuer
from skillpath.credentials.services.trust import (
    trusted_issuer_identifier_clean,
    trusted_issuer_save,
)


class TrustedIssuerForm(forms.ModelForm):
    class Meta:
        model = TrustedIssuer
        fields = ["identifier", "name", "note", "active"]

    def clean_identifier(self) -> str:
        try:
            return trusted_issuer_identifier_clean(self.cleaned_data["identifier"])
        except IssuingError as error:
            raise forms.ValidationError(error.message) from error


@admin.register(TrustedIssuer)
class TrustedIssuerAdmin(admin.ModelAdmin):
    form = TrustedIssuerForm
    list_display = ["name", "identifier", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["name", "identifier"]

    def save_model(
        self, request: HttpRequest, obj: TrustedIssuer, form: Any, change: bool
    ) -> None:
        trusted_issuer_save(trusted=obj, actor=request.user)
