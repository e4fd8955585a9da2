package org.mwconform.catalogue;

import io.cucumber.core.resource.ClasspathScanner;
import org.mwconform.conditions.Condition;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every step definition of some glue packages, read from the compiled classes: its text, its parameters, and the
 * named conditions ({@link Condition}) it can check. A step's conditions are the {@code Condition} constants its
 * method reads, directly, in its lambdas, or in the methods it calls inside the harness or the glue (followed to a
 * fixed depth), so the catalogue cannot drift from the code. Extension developers list their own glue the same way.
 */
public final class StepCatalogue {
    private static final String ENGLISH_KEYWORDS = "io.cucumber.java.en";
    private static final int CALL_DEPTH = 4;
    private static final List<String> KEYWORD_ORDER = List.of("Given", "When", "Then", "And", "But");

    /**
     * One step definition.
     *
     * @param gives what the step leaves in the scenario's world for later steps ({@link Precondition})
     * @param needs what an earlier step must have left there: a step that needs it runs only after one that gives it
     */
    public record Step(String keyword, String text, List<String> parameters, List<Condition> conditions, String definedIn,
                       List<Precondition> gives, List<Precondition> needs) {
        public Step(String keyword, String text, List<String> parameters, List<Condition> conditions, String definedIn) {
            this(keyword, text, parameters, conditions, definedIn, List.of(), List.of());
        }
    }

    /**
     * What a step can leave in the scenario's world ({@link org.mwconform.world.ScenarioWorld}) for the steps after it,
     * told from the world methods the step's code calls: a step that calls {@code giving} gives it; one whose own
     * code (not the world's) calls {@code needing} without giving it needs an earlier step that did.
     */
    public enum Precondition {
        /** The filled form: authmanagerinfo's fields answered and a createaccount token ({@code world.request()}). */
        FORM("the fields and a createaccount token", "Given I have fetched the fields and a createaccount token",
                "prepareCreation", "request");

        private final String what;
        private final String usualStep;
        private final String giving;
        private final String needing;

        Precondition(String what, String usualStep, String giving, String needing) {
            this.what = what;
            this.usualStep = usualStep;
            this.giving = giving;
            this.needing = needing;
        }

        public String what() {
            return what;
        }

        /** The step a scenario usually gives it with (others may: the catalogue lists what each step gives). */
        public String usualStep() {
            return usualStep;
        }
    }

    private static final String WORLD = "org/mwconform/world/ScenarioWorld";

    private final ClassLoader loader;
    private final Set<String> followedPackages;
    private final Map<String, ClassCode> code = new HashMap<>();

    private StepCatalogue(ClassLoader loader, Set<String> followedPackages) {
        this.loader = loader;
        this.followedPackages = followedPackages;
    }

    /** The steps of these glue packages, Given first, then When and Then, each by text. Calls are followed into the harness and the glue. */
    public static List<Step> read(List<String> gluePackages, ClassLoader loader) {
        Set<String> followed = new LinkedHashSet<>(gluePackages);
        followed.add("org.mwconform");
        StepCatalogue catalogue = new StepCatalogue(loader, followed);
        ClasspathScanner scanner = new ClasspathScanner(() -> loader);
        List<Step> steps = new ArrayList<>();
        for (String gluePackage : gluePackages) {
            for (Class<?> glue : scanner.scanForClassesInPackage(gluePackage)) {
                for (Method method : glue.getDeclaredMethods()) {
                    for (Annotation annotation : stepAnnotations(method)) {
                        String keyword = keyword(annotation);
                        if (keyword != null) {
                            Set<String> worldCalls = new HashSet<>();
                            List<Condition> conditions = catalogue.conditionsOf(glue, method, worldCalls);
                            List<Precondition> gives = new ArrayList<>();
                            List<Precondition> needs = new ArrayList<>();
                            for (Precondition p : Precondition.values()) {
                                if (worldCalls.contains("gives " + p.giving)) {
                                    gives.add(p);
                                } else if (worldCalls.contains("needs " + p.needing)) {
                                    needs.add(p);
                                }
                            }
                            steps.add(new Step(keyword, text(annotation), parameters(method), conditions,
                                    glue.getSimpleName() + "." + method.getName(), List.copyOf(gives), List.copyOf(needs)));
                        }
                    }
                }
            }
        }
        steps.sort(Comparator.comparing((Step s) -> KEYWORD_ORDER.indexOf(s.keyword())).thenComparing(Step::text));
        return steps;
    }

    /** A Markdown page: one row per step, with its parameters and the ids of the conditions it checks. */
    public static String markdown(List<Step> steps, String title) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n")
                .append("Generated from the step classes by `org.mwconform.catalogue.StepCatalogue`; do not edit by hand.\n")
                .append("A step's conditions are the named conditions its code can check (ids as in expectations files).\n")
                .append("\"Needs first\" names the step that must come earlier in the scenario (or its Background): a run refuses\n")
                .append("a scenario that uses the step without it, before anything is sent.\n\n")
                .append("| step | parameters | conditions checked | needs first | defined in |\n| --- | --- | --- | --- | --- |\n");
        for (Step step : steps) {
            md.append("| ").append(step.keyword()).append(" ").append(cell(step.text()))
                    .append(" | ").append(step.parameters().isEmpty() ? "" : cell(String.join(", ", step.parameters())))
                    .append(" | ").append(step.conditions().stream().map(c -> "`" + c.id() + "`").reduce((a, b) -> a + "<br>" + b).orElse(""))
                    .append(" | ").append(step.needs().stream().map(p -> cell(p.usualStep()))
                            .reduce((a, b) -> a + "<br>" + b).orElse(""))
                    .append(" | `").append(step.definedIn()).append("` |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** A method's step annotations, the repeated ones ({@code @Then.Thens}) unpacked. */
    private static List<Annotation> stepAnnotations(Method method) {
        List<Annotation> annotations = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            Object value = value(annotation);
            if (value instanceof Annotation[] repeated) {
                annotations.addAll(List.of(repeated));
            } else {
                annotations.add(annotation);
            }
        }
        return annotations;
    }

    private static Object value(Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Given, When, Then, And, But of io.cucumber.java.en; hooks (io.cucumber.java.Before, ...) are not steps. */
    private static String keyword(Annotation annotation) {
        return annotation.annotationType().getPackage().getName().equals(ENGLISH_KEYWORDS)
                ? annotation.annotationType().getSimpleName() : null;
    }

    private static String text(Annotation annotation) {
        return (String) value(annotation);
    }

    private static List<String> parameters(Method method) {
        List<String> parameters = new ArrayList<>();
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            parameters.add((p.isNamePresent() ? p.getName() + ": " : "") + p.getType().getSimpleName());
        }
        return parameters;
    }

    /**
     * The conditions a step can check; into {@code worldCalls}, "gives NAME" for each world method reached anywhere,
     * and "needs NAME" for each one the glue's own code calls (the world's internals read their own state).
     */
    private List<Condition> conditionsOf(Class<?> glue, Method method, Set<String> worldCalls) {
        Set<Condition> found = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<Call> queue = new ArrayDeque<>();
        queue.add(new Call(Type.getInternalName(glue), method.getName(), Type.getMethodDescriptor(method), 0));
        while (!queue.isEmpty()) {
            Call call = queue.poll();
            if (!seen.add(call.owner() + "." + call.name() + call.descriptor())) {
                continue;
            }
            ClassCode classCode = code(call.owner());
            if (classCode == null) {
                continue;
            }
            MethodCode body = classCode.methods().get(call.name() + call.descriptor());
            if (body == null) {
                continue;
            }
            for (FieldRef field : body.fields()) {
                Condition condition = condition(field);
                if (condition != null) {
                    found.add(condition);
                }
            }
            for (Call next : body.calls()) {
                if (WORLD.equals(next.owner())) {
                    worldCalls.add("gives " + next.name());
                    if (!WORLD.equals(call.owner())) {
                        worldCalls.add("needs " + next.name());
                    }
                }
                // Lambdas and private helpers are part of the step itself; other calls count up to a fixed depth.
                boolean sameStep = next.owner().equals(call.owner()) && next.name().startsWith("lambda$");
                int depth = sameStep ? call.depth() : call.depth() + 1;
                if (depth <= CALL_DEPTH && followed(next.owner())) {
                    queue.add(new Call(next.owner(), next.name(), next.descriptor(), depth));
                }
            }
        }
        return List.copyOf(found);
    }

    private boolean followed(String internalName) {
        String className = internalName.replace('/', '.');
        return followedPackages.stream().anyMatch(p -> className.startsWith(p + "."));
    }

    private Condition condition(FieldRef field) {
        if (!field.descriptor().equals(Type.getDescriptor(Condition.class))) {
            return null;
        }
        try {
            Field f = Class.forName(field.owner().replace('/', '.'), false, loader).getDeclaredField(field.name());
            if (!Modifier.isStatic(f.getModifiers())) {
                return null;
            }
            f.setAccessible(true);
            return (Condition) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private ClassCode code(String internalName) {
        return code.computeIfAbsent(internalName, this::readCode);
    }

    private ClassCode readCode(String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return null;
            }
            ClassCode classCode = new ClassCode(new HashMap<>());
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    MethodCode body = new MethodCode(new ArrayList<>(), new ArrayList<>());
                    classCode.methods().put(name + descriptor, body);
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                            if (opcode == Opcodes.GETSTATIC) {
                                body.fields().add(new FieldRef(owner, field, fieldDescriptor));
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
                            body.calls().add(new Call(owner, method, methodDescriptor, 0));
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap, Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof Handle h) {
                                    body.calls().add(new Call(h.getOwner(), h.getName(), h.getDesc(), 0));
                                }
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return classCode;
        } catch (IOException e) {
            return null;
        }
    }

    private record Call(String owner, String name, String descriptor, int depth) {
    }

    private record FieldRef(String owner, String name, String descriptor) {
    }

    private record MethodCode(List<FieldRef> fields, List<Call> calls) {
    }

    private record ClassCode(Map<String, MethodCode> methods) {
    }
}
