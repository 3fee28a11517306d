package org.cartevidence.fhir;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.cartevidence.api.Problem;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Errors under /fhir as FHIR clients read them: the problem every failure of the API becomes (see
 * {@link org.cartevidence.api.ProblemMapper}, which keeps the status codes) is written as an OperationOutcome.
 */
public class OperationOutcomes {

    static final String PATH = "/api/v1/fhir";

    @Inject
    Fhir fhir;

    @ServerResponseFilter
    public void outcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && isFhir(request.getUriInfo().getPath())) {
            response.setEntity(fhir.json(of(problem)));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Fhir.MEDIA_TYPE);
        }
    }

    static boolean isFhir(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    static OperationOutcome of(Problem problem) {
        OperationOutcome out = new OperationOutcome();
        IssueType type = type(problem.status());
        if (problem.errors() == null || problem.errors().isEmpty()) {
            out.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type)
                    .setDetails(new CodeableConcept().setText(problem.title()))
                    .setDiagnostics(problem.detail());
        }
        if (problem.errors() != null) {
            for (Problem.FieldError error : problem.errors()) {
                out.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type)
                        .setDetails(new CodeableConcept().setText(problem.title()))
                        .setDiagnostics(error.field() + ": " + error.message());
            }
        }
        return out;
    }

    private static IssueType type(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOCOSTLY;
            default -> IssueType.EXCEPTION;
        };
    }
}
