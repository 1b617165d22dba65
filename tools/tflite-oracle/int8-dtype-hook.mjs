// Module load hook: adds the int8 entry to LiteRT.js's JavaScript dtype table (see oracle.mjs).
const UINT8_ENTRY = `    elementType: ElementType.UINT8
  }
]);`;
const WITH_INT8 = `    elementType: ElementType.UINT8
  },
  {
    dtype: "int8",
    typedArrayConstructor: Int8Array,
    elementType: ElementType.INT8
  }
]);`;

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (url.includes('@litertjs/core/dist/index.js')) {
    const source = result.source.toString();
    if (!source.includes(UINT8_ENTRY)) {
      throw new Error('LiteRT.js dtype table not found: the oracle needs updating for this version');
    }
    return {...result, source: source.replace(UINT8_ENTRY, WITH_INT8)};
  }
  return result;
}
