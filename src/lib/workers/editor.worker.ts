// Local wrapper for Monaco's base editor worker (toolchain P4).
import 'monaco-editor/editor/editor.worker.js';
