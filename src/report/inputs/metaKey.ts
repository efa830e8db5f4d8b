/** The vitest task.meta key under which assertProperty stores a property's PropertyRecord. */
export const META_KEY = 'hcProperty';
