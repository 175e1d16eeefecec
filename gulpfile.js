const { src, dest } = require('gulp');

// tsc does not copy assets; n8n loads node and credential icons from dist.
function buildIcons() {
	src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
	return src('credentials/**/*.{png,svg}').pipe(dest('dist/credentials'));
}

exports['build:icons'] = buildIcons;
