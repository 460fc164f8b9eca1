package io.contactledger.support.docs;

import io.contactledger.support.config.SharedSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactledger.support.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI documents say what the service really does: a title and version, the bearer key
 * every operation but health and the documents needs, every error status an operation can answer
 * with the problem+json schema, and the headers of DESIGN §7 (Idempotency-Key, X-Correlation-Id,
 * Retry-After, Idempotent-Replayed). Each side names itself through {@code ledger.api.*}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String VALIDATION_PROBLEM = "ValidationProblem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String BEARER = "apiKey";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.DELETE, PathItem.HttpMethod.PATCH);

    static {
        // the authenticated caller is injected by the service, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI ledgerOpenApi(SharedSettings settings) {
        SharedSettings.Api api = settings.api();
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description()))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key of LEDGER_API_KEYS: Authorization: Bearer <key>")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** RFC 9457 problem details; validation problems add {@code errors: [{field, message}]}. */
    private static Schema<?> problemSchema(boolean withErrors) {
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.required(List.of("type", "title", "status", "detail", "instance"));
        if (withErrors) {
            ObjectSchema violation = new ObjectSchema();
            violation.addProperty("field", new StringSchema());
            violation.addProperty("message", new StringSchema());
            violation.required(List.of("field", "message"));
            problem.addProperty("errors", new ArraySchema().items(violation));
        }
        problem.description(withErrors ? "A problem with the fields that were invalid" : "An RFC 9457 problem");
        return problem;
    }

    /** Every operation: its errors, the headers it takes and gives. */
    @Bean
    OpenApiCustomizer ledgerErrorsAndHeaders() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema(false)).addSchemas(VALIDATION_PROBLEM, problemSchema(true));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> document(path, method, operation)));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        {
            boolean api = path.startsWith("/api/");
            boolean write = WRITES.contains(method);
            boolean commandSide = write && api;
            boolean keyed = write && (api || path.startsWith("/admin/"));
            addHeaderParameter(operation, "X-Correlation-Id", "The chat session or request this belongs to (1-100 of A-Za-z0-9._:-);"
                    + " recorded with the events and echoed; a new one when absent");
            if (keyed) {
                addHeaderParameter(operation, "Idempotency-Key", "1-255 printable ASCII characters: a repeat of the same"
                        + " request under this key answers the first answer again (docs/api.md, idempotent retries)");
            }
            ApiResponses responses = operation.getResponses();
            responses.forEach((status, response) -> {
                response.addHeaderObject("X-Correlation-Id", new Header().schema(new StringSchema()).description("Echoed or made"));
                if (keyed && status.startsWith("2")) {
                    response.addHeaderObject("Idempotent-Replayed", new Header().schema(new StringSchema()._enum(List.of("true")))
                            .description("Present when this is the kept answer to an earlier request under the same Idempotency-Key"));
                }
            });
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("400", "Invalid input: a malformed path, query string or body, or a value the rules refuse");
            errors.put("401", "No API key, or an unknown one");
            errors.put("403", "The key's role may not do this");
            errors.put("404", "Unknown, or of another workspace");
            errors.put("406", "The Accept header names nothing this operation can answer");
            errors.put("503", "The database is unreachable or the answer is not ready: retry after Retry-After seconds");
            if (write) {
                errors.put("409", "A rule of the current state refuses it, or the same Idempotency-Key is still running");
            }
            if (method == PathItem.HttpMethod.GET && path.endsWith("/contacts/{contactId}")) {
                errors.put("410", "The contact was merged into another, which mergedInto names (DESIGN §9)");
            }
            if (operation.getRequestBody() != null) {
                errors.put("413", "The body is larger than 64 KiB");
                errors.put("415", "The body is not JSON");
            }
            if (keyed) {
                errors.put("422", "The Idempotency-Key was used for a different request");
            }
            if (commandSide) {
                errors.put("429", "Too many requests from this widget key: retry after Retry-After seconds");
            }
            errors.forEach((status, description) -> {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, problemResponse(status, description));
                }
            });
        }
    }

    private static void addHeaderParameter(Operation operation, String name, String description) {
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()))) {
            return;
        }
        Parameter header = new HeaderParameter().name(name).required(false).description(description).schema(new StringSchema());
        operation.addParametersItem(header);
    }

    private static ApiResponse problemResponse(String status, String description) {
        String schema = status.equals("400") ? VALIDATION_PROBLEM : PROBLEM;
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
        if (status.equals("503") || status.equals("429") || status.equals("409")) {
            response.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema()).description("Seconds to wait before retrying"));
        }
        response.addHeaderObject("X-Correlation-Id", new Header().schema(new StringSchema()));
        return response;
    }
}
