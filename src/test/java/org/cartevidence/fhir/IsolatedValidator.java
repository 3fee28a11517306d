package org.cartevidence.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.hl7.fhir.r5.elementmodel.Manager;
import java.util.Set;
import org.hl7.fhir.convertors.loaders.loaderR5.NullLoaderKnowledgeProviderR5;
import org.hl7.fhir.convertors.loaders.loaderR5.R4ToR5Loader;
import org.hl7.fhir.r5.context.IContextResourceLoader;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.utils.validation.IValidatorResourceFetcher;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The validator's side of {@link R5Validator}, loaded with the validator's own FHIR core: only Java types cross to
 * the tests. Each message is "LEVEL|location|message|message id".
 */
public final class IsolatedValidator {

    private static final String PACKAGES = "/org/hl7/fhir/r5/packages/";
    private final SimpleWorkerContext context;

    public IsolatedValidator() throws IOException {
        context = new SimpleWorkerContext.SimpleWorkerContextBuilder().withAllowLoadingDuplicates(true)
                .fromPackage(npm("hl7.fhir.r5.core-5.0.0.tgz"));
        // THO is published as R4: its code systems and value sets are converted on loading.
        load(npm("hl7.terminology-5.1.0.tgz"), new R4ToR5Loader(Set.of("CodeSystem", "ValueSet", "NamingSystem"),
                new NullLoaderKnowledgeProviderR5(), "4.0.1"));
        load(npm("hl7.fhir.uv.extensions.r5-1.0.0.tgz"), null);
        context.setCanRunWithoutTerminology(true);
        context.setNoTerminologyServer(true);
        context.setExpansionParameters(new org.hl7.fhir.r5.model.Parameters());
        // MIME types (BCP 13) are a registry, not a code system in the packages, and offline the validator cannot
        // look one up: it is told the one type the service names (as a complete system, so that it uses it).
        CodeSystem mimeTypes = new CodeSystem().setUrl("urn:ietf:bcp:13").setStatus(PublicationStatus.ACTIVE)
                .setContent(CodeSystemContentMode.COMPLETE);
        mimeTypes.setId("bcp-13-fhir-json");
        mimeTypes.addConcept().setCode("application/fhir+json");
        context.cacheResource(mimeTypes);
        // UCUM units are checked by the UCUM library's own definitions, offline.
        try (InputStream ucum = IsolatedValidator.class.getResourceAsStream("/ucum-essence.xml")) {
            context.setUcumService(new UcumEssenceService(ucum));
        } catch (UcumException e) {
            throw new IOException(e);
        }
    }

    /**
     * The validator's core takes (package, loader); this class is compiled against HAPI's newer core, whose method
     * has a third parameter, so the call goes by reflection.
     */
    private void load(NpmPackage npm, IContextResourceLoader loader) throws IOException {
        try {
            SimpleWorkerContext.class.getMethod("loadFromPackage", NpmPackage.class, IContextResourceLoader.class)
                    .invoke(context, npm, loader);
        } catch (ReflectiveOperationException e) {
            throw new IOException("could not load " + npm.name(), e);
        }
    }

    /**
     * Resolves references with {@code resolve} (the service's own answers, by URL) and nothing else, so the
     * validator never goes to the network. A proxy, as the interface's methods differ between the two FHIR cores.
     */
    private IValidatorResourceFetcher fetcher(Function<String, String> resolve) {
        return (IValidatorResourceFetcher) Proxy.newProxyInstance(IsolatedValidator.class.getClassLoader(),
                new Class<?>[] {IValidatorResourceFetcher.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "fetch" -> {
                        String body = resolve.apply((String) args[2]);
                        yield body == null ? null : Manager.parseSingle(context,
                                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON);
                    }
                    case "resolveURL" -> true; // a canonical URL need not be fetchable to be valid
                    case "fetchesCanonicalResource" -> false;
                    case "fetchCanonicalResourceVersions" -> Set.of();
                    case "setLocale" -> proxy;
                    case "fetchRaw" -> throw new IOException("nothing is fetched");
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the service's answers";
                    default -> null;
                });
    }

    private static NpmPackage npm(String name) throws IOException {
        try (InputStream in = IsolatedValidator.class.getResourceAsStream(PACKAGES + name)) {
            if (in == null) {
                throw new IOException("no package " + name + " on the test classpath");
            }
            return NpmPackage.fromPackage(in);
        }
    }

    /** Every message the validator has about this FHIR JSON, errors and warnings alike. */
    public synchronized List<String> validate(String json, Function<String, String> resolve) {
        InstanceValidator validator = new InstanceValidator(context, null, null, null, new ValidatorSettings());
        validator.setNoTerminologyChecks(false);
        validator.setAnyExtensionsAllowed(false);
        validator.setFetcher(fetcher(resolve));
        List<ValidationMessage> messages = new ArrayList<>();
        validator.validate(null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                FhirFormat.JSON);
        return messages.stream().map(m -> m.getLevel() + "|" + m.getLocation() + "|" + m.getMessage() + "|"
                + m.getMessageId()).toList();
    }
}
