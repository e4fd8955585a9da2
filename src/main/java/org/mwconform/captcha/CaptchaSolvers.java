package org.mwconform.captcha;

import org.mwconform.deployments.ConfigurationException;
import org.mwconform.deployments.Deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The strategies for one deployment, tried in turn. An image CAPTCHA (like the public test wiki's)
 * has none: scenarios that need it answered are not-applicable, with that evidence.
 */
public final class CaptchaSolvers {
    private final List<CaptchaSolver> solvers;

    private CaptchaSolvers(List<CaptchaSolver> solvers) {
        this.solvers = List.copyOf(solvers);
    }

    /**
     * Arithmetic always; QuestyCaptcha when the environment file lists the answers; then every solver an extension
     * registers in {@code META-INF/services/org.mwconform.captcha.CaptchaSolver}.
     */
    public static CaptchaSolvers forDeployment(Deployment deployment) {
        List<CaptchaSolver> solvers = new ArrayList<>(List.of(new ArithmeticSolver()));
        Object captcha = deployment.capabilities().get("captcha");
        if (captcha != null) {
            if (!(captcha instanceof Map<?, ?> settings) || !(settings.get("answers") instanceof Map<?, ?> answers)) {
                throw new ConfigurationException(deployment.source() + ": capabilities.captcha must have 'answers: {question: answer}'");
            }
            Map<String, String> byQuestion = new LinkedHashMap<>();
            answers.forEach((q, a) -> byQuestion.put(String.valueOf(q).strip(), String.valueOf(a)));
            solvers.add(new QuestionAnswers(byQuestion));
        }
        // Those extensions register (META-INF/services/org.mwconform.captcha.CaptchaSolver), as requirements are found.
        ServiceLoader.load(CaptchaSolver.class, Thread.currentThread().getContextClassLoader()).forEach(solvers::add);
        return new CaptchaSolvers(solvers);
    }

    public Optional<String> answer(CaptchaChallenge challenge) {
        return solvers.stream().map(s -> s.answer(challenge)).flatMap(Optional::stream).findFirst();
    }

    /** Evidence for a challenge no strategy answers. */
    public String whyNot(CaptchaChallenge challenge) {
        return "authmanagerinfo announces a " + challenge.type() + " CAPTCHA (" + CaptchaChallenge.REQUEST_ID
                + ") that no strategy here answers; strategies: "
                + String.join("; ", solvers.stream().map(CaptchaSolver::describe).toList());
    }
}
