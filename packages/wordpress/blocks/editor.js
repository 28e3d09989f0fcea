/**
 * Civic Loop's blocks in the block editor, on the editor's globals (no build step). Each block's
 * controls come from window.civicloopBlocks, which PHP writes from elements.json (generated from
 * the elements' custom-elements.json), its texts (title, description, labels, help) already in
 * the user's language. The preview is the real element, defined by the loader
 * the plugin enqueues in the editor too. save() returns null: the blocks are dynamic.
 */
(function (wp, data) {
	'use strict';
	if (!wp || !data) return;
	var el = wp.element.createElement;
	var useState = wp.element.useState;
	var useEffect = wp.element.useEffect;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var c = wp.components;

	/** The council's services, read through the plugin's REST route (the server answers WordPress, not the browser). */
	function ServiceControl(props) {
		var state = useState(null);
		var services = state[0];
		var setServices = state[1];
		useEffect(
			function () {
				var path = '/civicloop/v1/services' + (props.council ? '?council=' + encodeURIComponent(props.council) : '');
				wp.apiFetch({ path: path }).then(setServices, function () {
					setServices(false);
				});
			},
			[props.council]
		);
		if (!services) {
			// Unreachable or not set up yet: the id can still be typed.
			return el(c.TextControl, { label: props.label, help: props.help, value: props.value || '', onChange: props.onChange });
		}
		var options = [{ value: '', label: data.texts.anyService }].concat(
			services.map(function (s) {
				return { value: s.id, label: s.name };
			})
		);
		return el(c.SelectControl, { label: props.label, help: props.help, value: props.value || '', options: options, onChange: props.onChange });
	}

	function control(attribute, name, attributes, setAttributes) {
		var key = attribute.key;
		var set = function (value) {
			var patch = {};
			patch[key] = value;
			setAttributes(patch);
		};
		var label = attribute.label || name;
		var help = name === 'council' && data.council ? data.texts.defaultCouncil.replace('%s', data.council) : attribute.help || undefined;
		if (attribute.type === 'boolean') return el(c.ToggleControl, { key: name, label: label, help: help, checked: !!attributes[key], onChange: set });
		if (attribute.type === 'number')
			return el(c.TextControl, {
				key: name,
				type: 'number',
				label: label,
				help: help,
				value: attributes[key] === undefined ? '' : String(attributes[key]),
				onChange: function (v) {
					set(v === '' ? undefined : parseInt(v, 10));
				},
			});
		if (name === 'service')
			return el(ServiceControl, { key: name, label: label, help: help, council: attributes.council, value: attributes[key], onChange: set });
		if (attribute.options)
			return el(c.SelectControl, {
				key: name,
				label: label,
				help: help,
				value: attributes[key] || '',
				options: [{ value: '', label: data.texts.notSet }].concat(
					attribute.options.map(function (o) {
						return { value: o, label: (attribute.optionLabels && attribute.optionLabels[o]) || o };
					})
				),
				onChange: set,
			});
		return el(c.TextControl, { key: name, type: attribute.type === 'url' ? 'url' : 'text', label: label, help: help, value: attributes[key] || '', onChange: set });
	}

	Object.keys(data.blocks).forEach(function (tag) {
		var element = data.blocks[tag];
		var names = Object.keys(element.attributes).filter(function (n) {
			return element.attributes[n].block;
		});
		var blockAttributes = {};
		names.forEach(function (n) {
			var a = element.attributes[n];
			blockAttributes[a.key] = { type: a.type === 'boolean' ? 'boolean' : a.type === 'number' ? 'integer' : 'string' };
		});
		wp.blocks.registerBlockType('civicloop/' + tag, {
			apiVersion: 2,
			title: element.title,
			description: element.summary,
			category: 'civicloop',
			keywords: ['Civic Loop', tag],
			icon: 'megaphone',
			attributes: blockAttributes,
			supports: { html: false },
			edit: function (props) {
				var attributes = props.attributes;
				var live = {};
				names.forEach(function (n) {
					var v = attributes[element.attributes[n].key];
					if (v === undefined || v === '' || v === false) return;
					live[n] = v === true ? '' : String(v);
				});
				if (!live.council && data.council) live.council = data.council;
				return el(
					'div',
					useBlockProps(),
					el(
						InspectorControls,
						null,
						el(
							c.PanelBody,
							{ title: data.texts.settings, className: 'civicloop-controls' },
							names.map(function (n) {
								return control(element.attributes[n], n, attributes, props.setAttributes);
							})
						)
					),
					// The real element; `inert` keeps the editor's clicks and focus on the block.
					el(tag, Object.assign({ inert: '' }, live))
				);
			},
			save: function () {
				return null;
			},
		});
	});
})(window.wp, window.civicloopBlocks);
