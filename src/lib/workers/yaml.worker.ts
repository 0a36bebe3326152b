// Local wrapper so Vite bundles the YAML language worker with its CommonJS dependencies (toolchain P4).
import 'monaco-yaml/yaml.worker.js';
