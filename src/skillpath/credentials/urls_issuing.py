"""Pages and documents of the issuing side, included by ``credentials/urls.py``."""

from django.urls import path

from skillpath.credentials.views import public as views_public
from skillpath.credentials.views import verify as views_verify
from skillpath.credentials.views import wallet as views_wallet

urlpatterns = [
    path("issuers/<slug:slug>", views_public.issuer, name="issuer"),
    path(
        "issuers/<slug:slug>/profile",
        views_public.issuer_profile_document,
        name="issuer_profile",
    ),
    path(
        "issuers/<slug:slug>/status/<int:number>",
        views_public.status_list,
        name="status_list",
    ),
    path("achievements/<int:pk>", views_public.achievement, name="achievement"),
    path(
        "achievements/<int:pk>/image.png",
        views_public.achievement_image,
        name="achievement_image",
    ),
    path("awards/<uuid:public_id>", views_public.award_public, name="award_public"),
    path(
        "awards/<uuid:public_id>/revoke/",
        views_wallet.award_revoke_view,
        name="award_revoke",
    ),
    path("issued/", views_wallet.awards_issued, name="awards_issued"),
    path("verify/", views_verify.verify, name="verify"),
    path("wallet/", views_wallet.wallet, name="wallet"),
    path(
        "wallet/<uuid:public_id>/download/<str:form>",
        views_wallet.award_download,
        name="award_download",
    ),
    path(
        "wallet/<uuid:public_id>/certificate/",
        views_wallet.award_certificate,
        name="award_certificate",
    ),
    path(
        "wallet/<uuid:public_id>/share/", views_wallet.award_share, name="award_share"
    ),
]
