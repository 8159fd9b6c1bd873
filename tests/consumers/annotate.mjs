// Writes workflow commands with the real @actions/core, for comparison with
// the github reporter. Reads a JSON list of {level, message, properties} on
// standard input; properties use @actions/core's AnnotationProperties names.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';

const issue = { error: core.error, warning: core.warning, notice: core.notice };
for (const item of JSON.parse(readFileSync(0, 'utf8'))) {
  issue[item.level](item.message, item.properties);
}
