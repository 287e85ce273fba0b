"""The credentials pages: definitions, issuers, awards, wallet and verification."""

from django.urls import URLPattern, URLResolver, path

from skillpath.credentials.views import definitions, public, verify, wallet

app_name = "credentials"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", definitions.catalogue, name="catalogue"),
    path("manage/", definitions.manage, name="manage"),
    path("define/", definitions.define, name="define"),
]
# The issuing side's pages (issuers, awards, wallet, verification).
urlpatterns += [
    path("issuers/<slug:slug>", public.issuer, name="issuer"),
    path(
        "issuers/<slug:slug>/profile",
        public.issuer_profile_document,
        name="issuer_profile",
    ),
    path(
        "issuers/<slug:slug>/status/<int:number>",
        public.status_list,
        name="status_list",
    ),
    path("achievements/<int:pk>", public.achievement, name="achievement"),
    path(
        "achievements/<int:pk>/image.png",
        public.achievement_image,
        name="achievement_image",
    ),
    path("awards/<uuid:public_id>", public.award_public, name="award_public"),
    path(
        "awards/<uuid:public_id>/revoke/",
        wallet.award_revoke_view,
        name="award_revoke",
    ),
    path("issued/", wallet.awards_issued, name="awards_issued"),
    path("verify/", verify.verify, name="verify"),
    path("wallet/", wallet.wallet, name="wallet"),
    path(
        "wallet/<uuid:public_id>/download/<str:form>",
        wallet.award_download,
        name="award_download",
    ),
    path(
        "wallet/<uuid:public_id>/certificate/",
        wallet.award_certificate,
        name="award_certificate",
    ),
    path("wallet/<uuid:public_id>/share/", wallet.award_share, name="award_share"),
]
# Last: a definition's pages are addressed by its short name.
urlpatterns += [
    path("<slug:slug>/", definitions.detail, name="detail"),
    path("<slug:slug>/ctdl.jsonld", definitions.ctdl, name="ctdl"),
    path("<slug:slug>/edit/", definitions.edit, name="edit"),
    path(
        "<slug:slug>/competencies/",
        definitions.requirement_change,
        name="requirement_change",
    ),
    path("<slug:slug>/publish/", definitions.publish, name="publish"),
]
