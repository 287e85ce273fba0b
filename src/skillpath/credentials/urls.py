from django.urls import URLPattern, URLResolver, include, path

from skillpath.credentials.views import definitions as views

app_name = "credentials"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.catalogue, name="catalogue"),
    path("manage/", views.manage, name="manage"),
    path("define/", views.define, name="define"),
]
# The issuing side's pages (issuers, awards, wallet, verification).
urlpatterns += [path("", include("skillpath.credentials.urls_issuing"))]
# Last: a definition's pages are addressed by its short name.
urlpatterns += [
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/ctdl.jsonld", views.ctdl, name="ctdl"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path(
        "<slug:slug>/competencies/", views.requirement_change, name="requirement_change"
    ),
    path("<slug:slug>/publish/", views.publish, name="publish"),
]
