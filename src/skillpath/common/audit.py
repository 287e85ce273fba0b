"""Write the audit log: services call this inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from skillpath.common.models import AuditEvent


class AuditVerb(models.TextChoices):
    """What a service did, as ``<noun>_<verb>``: one member per audited use case."""

    ACCOUNT_DELETE = "account_delete"
    ACCOUNT_EXPORT = "account_export"
    APPLICATION_CREATE = "application_create"
    APPLICATION_MOVE = "application_move"
    APPLICATION_WITHDRAW = "application_withdraw"
    ASSESSMENT_FINISH = "assessment_finish"
    ASSESSMENT_POLICY_SET = "assessment_policy_set"
    ASSESSMENT_START = "assessment_start"
    ASSESSMENT_TIME_OUT = "assessment_time_out"
    AWARD_ISSUE = "award_issue"
    AWARD_REVOKE = "award_revoke"
    AWARD_SHARE = "award_share"
    BASELINE_RECORD = "baseline_record"
    COMPETENCY_CREATE = "competency_create"
    COMPETENCY_DELETE = "competency_delete"
    COMPETENCY_UPDATE = "competency_update"
    COMPLETION_RECORD = "completion_record"
    CREDENTIAL_DEFINE = "credential_define"
    CREDENTIAL_PUBLISH = "credential_publish"
    CREDENTIAL_RETIRE = "credential_retire"
    CREDENTIAL_UPDATE = "credential_update"
    DECLARED_SKILL_SET = "declared_skill_set"
    DEMAND_REPORT_CLOSE = "demand_report_close"
    DEMAND_REPORT_CREATE = "demand_report_create"
    DEMAND_REPORT_UPDATE = "demand_report_update"
    DUTY_ADD = "duty_add"
    DUTY_MOVE = "duty_move"
    DUTY_REMOVE = "duty_remove"
    DUTY_UPDATE = "duty_update"
    EMPLOYER_SIGNUP = "employer_signup"
    FOLLOW_UPS_SCHEDULE = "follow_ups_schedule"
    FOLLOW_UP_ANSWER = "follow_up_answer"
    FOLLOW_UP_BOUNCE = "follow_up_bounce"
    FOLLOW_UP_CONSENT_SET = "follow_up_consent_set"
    FOLLOW_UP_DECLINE = "follow_up_decline"
    FRAMEWORK_CREATE = "framework_create"
    FRAMEWORK_DELETE = "framework_delete"
    FRAMEWORK_IMPORT = "framework_import"
    FRAMEWORK_UPDATE = "framework_update"
    HIRE_RATING_RECORD = "hire_rating_record"
    IMPORTANCE_RATE = "importance_rate"
    INVITATION_CREATE = "invitation_create"
    ISSUER_CREATE = "issuer_create"
    ISSUER_KEY_ROTATE = "issuer_key_rotate"
    ITEMS_IMPORT = "items_import"
    ITEM_CALIBRATE = "item_calibrate"
    ITEM_CREATE = "item_create"
    ITEM_STATUS_SET = "item_status_set"
    ITEM_UPDATE = "item_update"
    LEARNER_PROFILE_UPDATE = "learner_profile_update"
    LEARNER_SIGNUP = "learner_signup"
    MATCH_ALERTS_CREATE = "match_alerts_create"
    MEMBERSHIP_APPROVE = "membership_approve"
    MEMBERSHIP_GRANT = "membership_grant"
    MEMBERSHIP_REJECT = "membership_reject"
    MODULES_IMPORT = "modules_import"
    MODULE_APPROVE = "module_approve"
    MODULE_COMPLETE = "module_complete"
    MODULE_CREATE = "module_create"
    MODULE_REJECT = "module_reject"
    MODULE_RETIRE = "module_retire"
    MODULE_START = "module_start"
    MODULE_UPDATE = "module_update"
    PLAN_BUILD = "plan_build"
    PLAN_BUILD_FAILED = "plan_build_failed"
    PLAN_CREATE = "plan_create"
    PLAN_DEMONSTRATED = "plan_demonstrated"
    PLAN_SETTINGS_UPDATE = "plan_settings_update"
    POSTING_CLOSE = "posting_close"
    POSTING_CREATE = "posting_create"
    POSTING_OPEN = "posting_open"
    POSTING_REQUIREMENT_REMOVE = "posting_requirement_remove"
    POSTING_REQUIREMENT_SET = "posting_requirement_set"
    POSTING_UPDATE = "posting_update"
    PRIOR_LEARNING_CLAIM = "prior_learning_claim"
    PRIOR_LEARNING_DECIDE = "prior_learning_decide"
    PROFILE_CREATE = "profile_create"
    PROFILE_UPDATE = "profile_update"
    PROOF_CONFIRM = "proof_confirm"
    PROOF_RETURN = "proof_return"
    PROOF_SUBMIT = "proof_submit"
    RATING_CONSENT_SET = "rating_consent_set"
    REQUIREMENT_ADD = "requirement_add"
    REQUIREMENT_REMOVE = "requirement_remove"
    REQUIREMENT_UPDATE = "requirement_update"
    REVIEW_COMMENT_ADD = "review_comment_add"
    REVIEW_ENDORSE = "review_endorse"
    REVIEW_INVITE = "review_invite"
    REVIEW_REQUEST_CHANGES = "review_request_changes"
    SCALE_LEVEL_ADD = "scale_level_add"
    SCALE_LEVEL_UPDATE = "scale_level_update"
    TASK_ADD = "task_add"
    TASK_COMPETENCY_ADD = "task_competency_add"
    TASK_COMPETENCY_REMOVE = "task_competency_remove"
    TASK_COMPETENCY_UPDATE = "task_competency_update"
    TASK_MODERATE = "task_moderate"
    TASK_MOVE = "task_move"
    TASK_REMOVE = "task_remove"
    TASK_SCORE = "task_score"
    TASK_SUBMIT = "task_submit"
    TASK_UPDATE = "task_update"
    TOKEN_CREATE = "token_create"  # noqa: S105 (a verb, not a secret)
    TOKEN_REVOKE = "token_revoke"  # noqa: S105 (a verb, not a secret)
    TOKENS_END = "tokens_end"  # noqa: S105 (a verb, not a secret)
    TRUSTED_ISSUER_SET = "trusted_issuer_set"
    VERSION_DRAFT_START = "version_draft_start"
    VERSION_PUBLISH = "version_publish"
    VERSION_RETIRE = "version_retire"
    VERSION_SUBMIT = "version_submit"


def audit_record(
    *, actor: Any, verb: AuditVerb, target: models.Model, **data: Any
) -> AuditEvent:
    """Record that ``actor`` did ``verb`` to ``target``, with JSON-able details."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        data=data,
    )
