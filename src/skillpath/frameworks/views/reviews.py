"""Pages of employer reviews: the invitations, and the review of one version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from skillpath.accounts.access import require
from skillpath.common.htmx import redirect_after_post
from skillpath.frameworks import access, selectors, services
from skillpath.frameworks.exceptions import FrameworksError
from skillpath.frameworks.forms import CommentForm, DecisionForm
from skillpath.frameworks.models import (
    Duty,
    Importance,
    ProfileReview,
    Task,
    TaskCompetency,
)
from skillpath.frameworks.services.reviews import OPEN_STATES
from skillpath.frameworks.views.common import int_or_none


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    """List the profile versions this employer was invited to review."""
    reviews = access.reviews_for(request.user).order_by("-invited_at")
    require(access.employer_org_ids(request.user) != set() or request.user.is_superuser)
    return render(request, "frameworks/review_list.html", {"reviews": reviews})


def _review(request: HttpRequest, pk: int) -> ProfileReview:
    review = get_object_or_404(
        ProfileReview.objects.select_related(
            "organisation", "version", "version__profile", "version__profile__owner"
        ),
        pk=pk,
    )
    if not access.can_view_review(request.user, review):
        raise Http404
    return review


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Review a version: comment, rate importance, propose changes, decide."""
    review = _review(request, pk)
    version = review.version
    can_review = (
        access.can_review(request.user, review) and version.state in OPEN_STATES
    )
    ratings = {
        rating.task_competency_id: rating.importance for rating in review.ratings.all()
    }
    decision = DecisionForm(
        initial={
            "decision": "endorse" if review.state != "changes_requested" else "changes",
            "summary": review.summary,
        }
    )
    if request.method == "POST":
        require(access.can_review(request.user, review))
        return _review_post(request, review)
    return render(
        request,
        "frameworks/review.html",
        {
            "review": review,
            "version": version,
            "profile": version.profile,
            "chart": selectors.version_chart(version, with_comments=False),
            "comments": review.comments.select_related(
                "author", "duty", "task", "task_competency__competency"
            ),
            "ratings": ratings,
            "can_review": can_review,
            "comment_form": CommentForm(),
            "decision_form": decision,
            "importance_choices": Importance.choices,
        },
    )


def _review_post(request: HttpRequest, review: ProfileReview) -> HttpResponse:
    version = review.version
    post = request.POST
    operation = post.get("op", "")
    try:
        if operation == "comment":
            form = CommentForm(post)
            if not form.is_valid():
                messages.error(request, _("Write your comment before sending it."))
                return redirect_after_post(request, review.get_absolute_url())
            target = post.get("target", "")
            kind, _sep, raw_pk = target.partition("-")
            target_pk = int_or_none(raw_pk)
            targets: dict[str, object] = {}
            if kind == "duty":
                targets["duty"] = get_object_or_404(Duty, version=version, pk=target_pk)
            elif kind == "task":
                targets["task"] = get_object_or_404(
                    Task, duty__version=version, pk=target_pk
                )
            elif kind == "need":
                targets["task_competency"] = get_object_or_404(
                    TaskCompetency, task__duty__version=version, pk=target_pk
                )
            services.review_comment_add(
                review=review,
                author=request.user,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                **targets,  # type: ignore[arg-type]
            )
            messages.success(request, _("Your comment is sent to the coordinators."))
        elif operation == "rate":
            need = get_object_or_404(
                TaskCompetency.objects.select_related("competency", "task__duty"),
                task__duty__version=version,
                pk=int_or_none(post.get("need")),
            )
            importance = int_or_none(post.get("importance"))
            services.importance_rate(
                review=review,
                rated_by=request.user,
                task_competency=need,
                importance=importance or 0,
            )
            messages.success(
                request,
                _("You rated “%(competency)s” %(importance)s.")
                % {"competency": need.competency.title, "importance": importance},
            )
        elif operation == "decide":
            decision = DecisionForm(post)
            if not decision.is_valid():
                messages.error(
                    request, _("Choose to endorse the profile or to ask for changes.")
                )
                return redirect_after_post(request, review.get_absolute_url())
            endorse = decision.cleaned_data["decision"] == "endorse"
            services.review_decide(
                review=review,
                decided_by=request.user,
                endorse=endorse,
                summary=decision.cleaned_data["summary"],
            )
            messages.success(
                request,
                _("You endorsed version %(number)d of this profile. Thank you.")
                % {"number": version.number}
                if endorse
                else _("You asked for changes. The coordinators will answer."),
            )
        else:
            raise Http404
    except FrameworksError as error:
        messages.error(request, str(error))
    return redirect_after_post(request, review.get_absolute_url())
