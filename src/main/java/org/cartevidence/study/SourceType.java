package org.cartevidence.study;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kind of source the numbers come from, i.e. how far to trust them. */
@Schema(description = "The kind of source the numbers come from, i.e. how far to trust them.")
public enum SourceType {
    PEER_REVIEWED, CONFERENCE_ABSTRACT, PREPRINT, COMPANY_REPORT, NEWS
}
