const { src, dest, parallel } = require('gulp');

// tsc does not copy assets; n8n loads node and credential icons from dist.
const nodeIcons = () => src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
const credentialIcons = () => src('credentials/**/*.{png,svg}').pipe(dest('dist/credentials'));

exports['build:icons'] = parallel(nodeIcons, credentialIcons);
