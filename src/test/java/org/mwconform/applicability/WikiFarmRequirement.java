package org.mwconform.applicability;

/** An extension's own requirement, registered the way an extension registers one (META-INF/services in the test jar). */
public final class WikiFarmRequirement implements Requirement {
    @Override
    public String name() {
        return "wiki-farm";
    }

    @Override
    public String check(Target target) {
        throw new NotApplicable(target.deployment().name() + " is not a wiki farm (meta=siteinfo names no sister wikis)");
    }
}
