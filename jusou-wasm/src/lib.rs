//! WebAssembly module: converts, calls jusou-core, converts back. No rules live here.
