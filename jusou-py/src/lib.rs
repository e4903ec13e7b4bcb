//! Python module `jusou`: converts, calls jusou-core, converts back. No rules live here.
