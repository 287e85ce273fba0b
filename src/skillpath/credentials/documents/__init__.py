"""The documents a credential is published as: Open Badges, CTDL, downloads; and
their verification."""
