void overrule_models_anchor() {}
