import { render } from 'preact';

render(<main><h1>LiqLens options</h1></main>, document.getElementById('app')!);
