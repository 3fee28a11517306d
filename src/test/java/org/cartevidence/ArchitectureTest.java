package org.cartevidence;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the service, checked on the compiled classes (their dependencies, as the bytecode has them) and, for
 * what the bytecode does not keep (inlined constants, string literals, javadoc links), on the main sources. A plain
 * unit test: it starts no application.
 *
 * <p>A "package" here is a top-level package under {@code org.cartevidence}: {@code api} holds what every feature
 * shares (paging, problem details, ETags, the contract's conventions, request filters); the others are features.
 */
class ArchitectureTest {

    private static final String ROOT = "org.cartevidence";
    private static final String API = ROOT + ".api";
    private static final String STATS = ROOT + ".stats";
    private static final String PATH_ANNOTATION = "jakarta.ws.rs.Path";
    private static final Path SOURCES = Path.of("src", "main", "java");

    /**
     * Feature URLs that api's sources may name: example values of the contract, documenting headers and fields that
     * every feature shares. Nothing routes or decides by them. Keyed by file, then the URL as written.
     */
    private static final Map<String, Set<String>> EXAMPLE_URLS = Map.of(
            "OpenApiConventions.java", Set.of("/api/v1/studies/101", "/api/v1/studies?page=1&size=20"),
            "Problem.java", Set.of("/api/v1/studies"));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        // Every rule below passes on nothing: make sure the classes are there.
        Set<String> packages = new TreeSet<>();
        main.forEach(c -> packages.add(packageOf(c)));
        assertTrue(packages.containsAll(List.of("api", "audit", "study", "cohort", "outcome", "evidence", "pipeline",
                "fhir", "security", "reference", "stats")), "imported packages: " + packages);
        assertTrue(Files.isDirectory(SOURCES.resolve(API.replace('.', '/'))), "run from the project's directory");
    }

    /** The shared layer knows no feature: a feature may change or go without touching it. */
    @Test
    void apiDependsOnNoOtherPackage() {
        noClasses().that().resideInAPackage(API + "..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(API + ".."))))
                .because("api is the layer every feature builds on; a feature plugs into it through an interface "
                        + "api defines (as audit.Revisions implements api.DataVersion)")
                .check(main);
    }

    /** Also what the bytecode drops: javadoc links, imports kept only for them, and inlined constants' classes. */
    @Test
    void apiSourcesNameNoOtherPackage() {
        Pattern qualified = Pattern.compile(Pattern.quote(ROOT + ".") + "([a-z][a-z0-9]*)\\b");
        List<String> found = new ArrayList<>();
        for (Path file : sources(API)) {
            Matcher m = qualified.matcher(read(file));
            while (m.find()) {
                if (!m.group(1).equals("api")) {
                    found.add(file.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "api names another package of the service");
    }

    /**
     * Routing or deciding by a feature's URL in api (say, a larger body limit for the import) would tie the shared
     * layer to that feature: the feature declares such a thing itself (see api.BodyLimit.StreamedRoute). The
     * features' URLs are read from their resources' {@code @Path}s; api's sources, comments included, must not
     * contain one, except the contract's example values in {@link #EXAMPLE_URLS}.
     */
    @Test
    void apiSourcesNameNoFeatureUrl() {
        Set<String> roots = featureUrlRoots();
        assertTrue(roots.containsAll(List.of("/api/v1/studies", "/api/v1/import", "/api/v1/fhir")),
                "feature URLs read from the resources: " + roots);
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path file : sources(API)) {
            String text = read(file);
            for (String root : roots) {
                // The root, ending where a path segment ends (not /api/v1/studiesX), up to the end of the URL.
                Matcher m = Pattern.compile(Pattern.quote(root) + "(?![A-Za-z0-9_.-])[^\\s\"'<>]*").matcher(text);
                while (m.find()) {
                    found.computeIfAbsent(file.getFileName().toString(), f -> new TreeSet<>()).add(m.group());
                }
            }
        }
        found.forEach((file, urls) -> urls.removeAll(EXAMPLE_URLS.getOrDefault(file, Set.of())));
        found.values().removeIf(Set::isEmpty);
        assertEquals(Map.of(), found, "api names a feature's URL");
    }

    /**
     * A feature uses another feature's services, entities and views, never its resource: a resource is the HTTP
     * face of its feature, and calling it from elsewhere would bypass or duplicate that face.
     */
    @Test
    void noPackageDependsOnAnotherPackagesResource() {
        classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("depend on no resource class of another package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            Optional<JavaClass> resource = resourceOf(dependency.getTargetClass());
                            if (resource.isPresent() && !packageOf(resource.get()).equals(packageOf(origin))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(main);
    }

    /** The same in the sources, for what the bytecode drops (a resource's inlined constant, a javadoc link). */
    @Test
    void noSourceNamesAnotherPackagesResource() {
        List<JavaClass> resources = main.stream().filter(c -> c.isAnnotatedWith(PATH_ANNOTATION)).toList();
        assertTrue(resources.size() >= 6, "resources: " + resources);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(ROOT.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = read(file);
                String filePackage = SOURCES.resolve(ROOT.replace('.', '/')).relativize(file).getName(0).toString();
                for (JavaClass resource : resources) {
                    if (!packageOf(resource).equals(filePackage)
                            && Pattern.compile(Pattern.quote(resource.getName()) + "\\b").matcher(text).find()) {
                        found.add(file.getFileName() + " names " + resource.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), found);
    }

    /**
     * The statistics are plain Java, testable and reusable without the service. Allowed besides the JDK
     * ({@code java..}):
     * <ul>
     *   <li>{@code org.apache.commons.statistics..}: the distributions (normal, Student's t, chi-squared) whose
     *   quantiles and tail probabilities the intervals and tests need;</li>
     *   <li>{@code org.ejml..}: dense linear algebra (matrices, decompositions, solvers) for the meta-regression and
     *   the GLMM's fits, added for the GLMM on purpose rather than writing and verifying a solver here.</li>
     * </ul>
     * Commons Numbers and Commons RNG come with Commons Statistics, but stats uses neither: each is to be allowed
     * here, with its reason, when it does.
     */
    @Test
    void statsDependsOnlyOnTheJdkCommonsStatisticsAndEjml() {
        classes().that().resideInAPackage(STATS + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(STATS + "..", "java..",
                        "org.apache.commons.statistics..", "org.ejml..")
                .check(main);
    }

    /**
     * No cycle between packages, so that each can be understood (and tested) with the ones below it only. One
     * known cycle is left aside: study's list filter takes cohort's {@code Disease} ("studies with a cohort of this
     * disease") while cohort builds on study. Any other dependency that closes a cycle fails.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
                .ignoreDependency(HasName.Predicates.name(ROOT + ".study.StudyFilter"),
                        HasName.Predicates.name(ROOT + ".cohort.Disease"))
                .check(main);
    }

    /** The resource a class belongs to: itself or a class it is nested in, if annotated with {@code @Path}. */
    private static Optional<JavaClass> resourceOf(JavaClass target) {
        JavaClass c = target.isArray() ? target.getBaseComponentType() : target;
        while (c != null) {
            if (c.isAnnotatedWith(PATH_ANNOTATION)) {
                return Optional.of(c);
            }
            c = c.getEnclosingClass().orElse(null);
        }
        return Optional.empty();
    }

    /** The first three segments (e.g. /api/v1/studies) of every route of the resources outside api. */
    private static Set<String> featureUrlRoots() {
        Set<String> roots = new TreeSet<>();
        for (JavaClass resource : main) {
            if (!resource.isAnnotatedWith(PATH_ANNOTATION) || packageOf(resource).equals("api")) {
                continue;
            }
            String base = pathOf(resource.getAnnotationOfType(PATH_ANNOTATION).get("value"));
            List<String> routes = new ArrayList<>(List.of(base));
            for (JavaMethod method : resource.getMethods()) {
                if (method.isAnnotatedWith(PATH_ANNOTATION)) {
                    routes.add(base + "/" + pathOf(method.getAnnotationOfType(PATH_ANNOTATION).get("value")));
                }
            }
            for (String route : routes) {
                String[] segments = route.replaceAll("/{2,}", "/").replaceAll("^/", "").split("/");
                if (segments.length >= 3) {
                    roots.add("/" + String.join("/", segments[0], segments[1], segments[2]));
                }
            }
        }
        return roots;
    }

    private static String pathOf(Optional<Object> value) {
        return (String) value.orElseThrow();
    }

    /** The top-level package under org.cartevidence that a class is in. */
    private static String packageOf(JavaClass c) {
        String name = c.getPackageName();
        return name.startsWith(ROOT + ".") ? name.substring(ROOT.length() + 1).split("\\.")[0] : name;
    }

    private static List<Path> sources(String javaPackage) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(javaPackage.replace('.', '/')))) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertTrue(java.size() > 10, "sources of " + javaPackage + ": " + java);
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
